export { type CsvColumn, CSV_BOM, csvCell, csvText } from './csv-text';
export {
  CSV_PAGE_SIZE,
  type CsvExport,
  exportCsv,
  LIST_FORMATS,
  type ListFormat,
  type ListPage,
  MAX_CSV_ROWS,
  wantsCsv,
} from './csv-export';
export { listAnswer } from './list-answer';
