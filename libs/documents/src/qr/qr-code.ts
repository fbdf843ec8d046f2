import { create } from 'qrcode';

/**
 * Draws a QR code as vector rectangles: sharp at any zoom or print resolution and a few
 * hundred bytes in the PDF, where an embedded PNG would be larger and blurry when printed.
 * Error correction M (15 %) survives a worn print; URLs with a signed token still fit.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  // One byte-mode segment: qrcode's search for an optimal mix of modes costs more than it saves for a URL.
  const { modules } = create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const quiet = 4; // white margin in modules that scanners need around the symbol
  const n = modules.size;
  const unit = size / (n + 2 * quiet);

  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  // One rectangle per horizontal run of dark modules keeps the content stream short.
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      doc.rect(x + (quiet + start) * unit, y + (quiet + row) * unit, (col - start) * unit, unit);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
