/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'vault.create.title': 'أنشئ خزنتك',
  'vault.create.intro':
    'كل ما تحفظه هنا مشفر بمفتاح مشتق من عبارة المرور الخاصة بك. اختر عبارة طويلة يمكنك تذكرها؛ لا أحد يستطيع استعادتها لك.',
  'vault.create.passphrase': 'عبارة المرور',
  'vault.create.passphraseHint': '12 حرفًا على الأقل. بضع كلمات غير مترابطة تفي بالغرض.',
  'vault.create.confirm': 'أعد كتابة عبارة المرور',
  'vault.create.mismatch': 'عبارتا المرور غير متطابقتين.',
  'vault.create.tooShort': 'استخدم 12 حرفًا على الأقل.',
  'vault.create.submit': 'إنشاء الخزنة',
  'vault.create.working': 'جارٍ إنشاء الخزنة وقياس أداء هذا الحاسوب…',
  'vault.recovery.title': 'دوّن مفتاح الاسترداد',
  'vault.recovery.intro':
    'إذا نسيت عبارة المرور، فهذا المفتاح هو الطريقة الوحيدة لدخول الخزنة. اكتبه على ورق واحفظه في مكان آمن بعيدًا عن هذا الحاسوب. لن يُعرض مرة أخرى.',
  'vault.recovery.keyLabel': 'مفتاح الاسترداد',
  'vault.recovery.copy': 'نسخ',
  'vault.recovery.copied': 'نُسخ. ستُمسح الحافظة بعد {seconds} ثانية.',
  'vault.recovery.confirm': 'دوّنت مفتاح الاسترداد وحفظته في مكان آمن',
  'vault.recovery.continue': 'افتح الخزنة',
  'vault.unlock.title': 'افتح الخزنة',
  'vault.unlock.passphrase': 'عبارة المرور',
  'vault.unlock.submit': 'فتح',
  'vault.unlock.working': 'جارٍ اشتقاق المفتاح من عبارة المرور…',
  'vault.unlock.useRecovery': 'استخدم مفتاح الاسترداد بدلًا من ذلك',
  'vault.unlock.usePassphrase': 'استخدم عبارة المرور بدلًا من ذلك',
  'vault.unlock.recoveryKey': 'مفتاح الاسترداد',
  'vault.unlock.recoveryHint': 'المسافات والشرطات لا تهم.',
  'vault.unlock.attemptsLeft':
    '{count, plural, one {محاولة فاشلة واحدة أخرى تُتلف مفاتيح هذه الخزنة.} two {محاولتان فاشلتان أخريان تُتلفان مفاتيح هذه الخزنة.} few {# محاولات فاشلة أخرى تُتلف مفاتيح هذه الخزنة.} other {# محاولة فاشلة أخرى تُتلف مفاتيح هذه الخزنة.}} لن يستعيدها حينئذٍ إلا نسخة احتياطية.',
  'vault.starting': 'جارٍ البدء…',
};
