/**
 * A QR code the engine drew as SVG text, shown as an <img> from a data: URL. An SVG in an
 * <img> is a picture only: it cannot run script or load anything, and the app's CSP allows
 * `data:` for images and nothing else (src-main/app/core/app-protocol.ts).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function QrImage({ svg, alt, testId }: { svg: string; alt: string; testId?: string }) {
  return <img className="qr" src={svgDataUrl(svg)} alt={alt} data-testid={testId} />;
}
