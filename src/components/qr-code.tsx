import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

const MARGIN = 4;

/** The dark modules of `text`'s code as one SVG path, and the code's size in modules with its margin. */
function draw(text: string): { path: string; extent: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.isDark(row, col)) path += `M${col + MARGIN} ${row + MARGIN}h1v1h-1z`;
    }
  }
  return { path, extent: count + MARGIN * 2 };
}

/**
 * The code the page's HTML already holds for `text` (the server drew it), when the app takes that
 * page over: drawing it again costs about 100 ms of one task with the CPU slowed 4× (the library
 * tries eight masks).
 */
function drawnInPage(text: string): { path: string; extent: number } | null {
  if (typeof document === 'undefined') return null;
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.qr-code[data-text]')) {
    const path = svg.querySelector('path')?.getAttribute('d');
    const extent = svg.viewBox.baseVal.width;
    if (svg.dataset.text === text && path && extent > 0) return { path, extent };
  }
  return null;
}

/**
 * A QR code drawn as SVG from the library's module matrix (not its HTML string, so nothing is set as
 * raw HTML). Black on white whatever the theme: scanners need the contrast.
 */
export function QrCode({ text, label, size = 256 }: { text: string; label: string; size?: number }) {
  const { path, extent } = useMemo(() => drawnInPage(text) ?? draw(text), [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      className="qr-code"
      data-text={text}
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
