/** Reading a plan's Word file (.docx): the document model and the import into a task sheet. */
export { readDocx, readBody } from './document';
export type { DocxBlock, DocxCell, DocxDocument, DocxParagraph, DocxRow, DocxTable } from './document';
export { importDocx, importDocument, IMPORT_SHEET_NAME, STANDARD_COLUMNS, STANDARD_HEADER } from './import';
export type { DocxImport, DocxImportOptions, DocxProblem } from './import';
export { Numbering, formatNumber } from './numbering';
export { tableGrid } from './table-grid';
export { labelLine, numbered, readProse, romanHeading } from './prose';
