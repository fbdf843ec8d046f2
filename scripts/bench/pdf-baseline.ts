import { performance } from 'node:perf_hooks';
import { renderCertificatePdf, sampleCertificate } from '@app/documents';

/**
 * Certificate PDFs per second on one core (rendering is synchronous CPU work on the event loop
 * thread), for a realistic two-product certificate with its own number and QR token each time.
 * The first render, which converts and parses the fonts once per process, is left out.
 */
export async function benchPdfBaseline(n: number): Promise<{ perSecond: number; avgBytes: number }> {
  const sample = sampleCertificate();
  const docs = Array.from({ length: n }, (_, i) => {
    const serial = String(i).padStart(6, '0');
    return sampleCertificate({
      number: `SZS-C-2026-${serial}-K`,
      verificationUrl: `${sample.verificationUrl.slice(0, -serial.length)}${serial}`,
    });
  });
  await renderCertificatePdf(sample);

  let bytes = 0;
  const start = performance.now();
  for (const doc of docs) bytes += (await renderCertificatePdf(doc)).length;
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: n / seconds, avgBytes: bytes / n };
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 500);
  benchPdfBaseline(n).then(
    ({ perSecond, avgBytes }) => {
      console.log(`certificate PDF: ${perSecond.toFixed(1)} PDFs/s on one core, ${(avgBytes / 1024).toFixed(1)} KB each (${n} PDFs)`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
