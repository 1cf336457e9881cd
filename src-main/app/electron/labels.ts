/**
 * The few words main shows itself (the menu, native dialog titles), in the app's four languages.
 * Everything else the user reads is the renderer's, from its message catalogues.
 */
import type { Language } from '../../../shared/ipc/areas/app.js';

export interface NativeLabels {
  vaultMenu: string;
  lock: string;
  panic: string;
  quit: string;
  chooseEvidence: string;
  chooseCard: string;
  chooseBundle: string;
  chooseReceipt: string;
  choosePicture: string;
  chooseBackupFolder: string;
  chooseSpreadsheet: string;
  pictureFiles: string;
  saveAs: string;
  jsonFiles: string;
  csvFiles: string;
  cardFiles: string;
  bundleFiles: string;
  recallFiles: string;
  syncFiles: string;
  chooseSync: string;
  chooseSyncFolder: string;
  pngFiles: string;
  svgFiles: string;
  pdfFiles: string;
  htmlFiles: string;
}

export const NATIVE_LABELS: Readonly<Record<Language, NativeLabels>> = {
  en: {
    vaultMenu: 'Vault',
    lock: 'Lock',
    panic: 'Panic: lock and clear the window',
    quit: 'Quit',
    chooseEvidence: 'Choose evidence',
    chooseCard: 'Choose a contact card',
    chooseBundle: 'Choose a case bundle',
    chooseReceipt: 'Choose a bundle receipt',
    choosePicture: 'Choose a picture of a QR code',
    chooseBackupFolder: 'Choose the backup drive or folder',
    chooseSpreadsheet: 'Choose a spreadsheet saved as CSV',
    pictureFiles: 'Pictures (PNG, JPEG)',
    saveAs: 'Save as',
    jsonFiles: 'JSON files',
    csvFiles: 'CSV files',
    cardFiles: 'Contact cards',
    bundleFiles: 'Case bundles',
    recallFiles: 'Recall notices',
    syncFiles: 'Team sync bundles',
    chooseSync: 'Choose a team sync bundle',
    chooseSyncFolder: 'Choose the team sync folder',
    pngFiles: 'PNG images',
    svgFiles: 'SVG images',
    pdfFiles: 'PDF documents',
    htmlFiles: 'Web pages',
  },
  fr: {
    vaultMenu: 'Coffre',
    lock: 'Verrouiller',
    panic: 'Panique : verrouiller et vider la fenêtre',
    quit: 'Quitter',
    chooseEvidence: 'Choisir une pièce',
    chooseCard: 'Choisir une carte de contact',
    chooseBundle: 'Choisir un lot de dossier',
    chooseReceipt: 'Choisir un accusé de réception',
    choosePicture: 'Choisir une image d’un code QR',
    chooseBackupFolder: 'Choisir le disque ou le dossier de sauvegarde',
    chooseSpreadsheet: 'Choisir un tableau enregistré en CSV',
    pictureFiles: 'Images (PNG, JPEG)',
    saveAs: 'Enregistrer sous',
    jsonFiles: 'Fichiers JSON',
    csvFiles: 'Fichiers CSV',
    cardFiles: 'Cartes de contact',
    bundleFiles: 'Lots de dossiers',
    recallFiles: 'Avis de rappel',
    syncFiles: 'Lots de synchronisation d’équipe',
    chooseSync: 'Choisir un lot de synchronisation d’équipe',
    chooseSyncFolder: 'Choisir le dossier de synchronisation d’équipe',
    pngFiles: 'Images PNG',
    svgFiles: 'Images SVG',
    pdfFiles: 'Documents PDF',
    htmlFiles: 'Pages web',
  },
  es: {
    vaultMenu: 'Bóveda',
    lock: 'Bloquear',
    panic: 'Pánico: bloquear y vaciar la ventana',
    quit: 'Salir',
    chooseEvidence: 'Elegir una prueba',
    chooseCard: 'Elegir una tarjeta de contacto',
    chooseBundle: 'Elegir un paquete de caso',
    chooseReceipt: 'Elegir un acuse de recibo',
    choosePicture: 'Elegir una imagen de un código QR',
    chooseBackupFolder: 'Elegir la unidad o la carpeta de copia de seguridad',
    chooseSpreadsheet: 'Elegir una hoja de cálculo guardada como CSV',
    pictureFiles: 'Imágenes (PNG, JPEG)',
    saveAs: 'Guardar como',
    jsonFiles: 'Archivos JSON',
    csvFiles: 'Archivos CSV',
    cardFiles: 'Tarjetas de contacto',
    bundleFiles: 'Paquetes de casos',
    recallFiles: 'Avisos de retirada',
    syncFiles: 'Paquetes de sincronización del equipo',
    chooseSync: 'Elegir un paquete de sincronización del equipo',
    chooseSyncFolder: 'Elegir la carpeta de sincronización del equipo',
    pngFiles: 'Imágenes PNG',
    svgFiles: 'Imágenes SVG',
    pdfFiles: 'Documentos PDF',
    htmlFiles: 'Páginas web',
  },
  ar: {
    vaultMenu: 'الخزنة',
    lock: 'قفل',
    panic: 'طوارئ: قفل الخزنة وإفراغ النافذة',
    quit: 'إنهاء',
    chooseEvidence: 'اختيار دليل',
    chooseCard: 'اختيار بطاقة اتصال',
    chooseBundle: 'اختيار حزمة قضية',
    chooseReceipt: 'اختيار إيصال استلام',
    choosePicture: 'اختيار صورة لرمز QR',
    chooseBackupFolder: 'اختيار قرص النسخ الاحتياطي أو مجلده',
    chooseSpreadsheet: 'اختيار جدول محفوظ بصيغة CSV',
    pictureFiles: 'صور (PNG، JPEG)',
    saveAs: 'حفظ باسم',
    jsonFiles: 'ملفات JSON',
    csvFiles: 'ملفات CSV',
    cardFiles: 'بطاقات الاتصال',
    bundleFiles: 'حزم القضايا',
    recallFiles: 'إشعارات الاسترداد',
    syncFiles: 'حزم مزامنة الفريق',
    chooseSync: 'اختر حزمة مزامنة الفريق',
    chooseSyncFolder: 'اختر مجلد مزامنة الفريق',
    pngFiles: 'صور PNG',
    svgFiles: 'صور SVG',
    pdfFiles: 'مستندات PDF',
    htmlFiles: 'صفحات ويب',
  },
};
