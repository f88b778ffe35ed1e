/** "%PDF-": the signature every PDF starts with. Apart from pdf.ts so the runner can test it without loading the PDF reader. */
export const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
