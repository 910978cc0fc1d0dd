// pdfkit ships no types; react-pdf uses it underneath, and Probity only reaches its prototype (pdfkit-font-cache.server.ts).
declare module 'pdfkit' {
  const PDFDocument: unknown
  export default PDFDocument
}
