/**
 * A class report that is one table (the preliminary report, the attendance sheets: issue 13, item 6)
 * as PDF and as XLSX from one description: its title, the columns with their widths in points,
 * the rows as printed strings (decimal commas and ДД.ММ.ГГГГ already in them) and notes below.
 * The PDF (./report-table-pdf.ts) takes the fast path of shared/reports/lean-pdf.ts; the XLSX is
 * ./report-table-xlsx.ts: each function bundles only its own library.
 */

export interface TableReport {
  schoolName: string;
  title: string;
  /** «5А класс, 2 четверть (…). Сформировано ДД.ММ.ГГГГ.» */
  subtitle: string;
  columns: Array<{ title: string; width: number }>;
  rows: string[][];
  notes?: string[];
  /** Further tables below the first, each with its heading. */
  more?: Array<{ heading: string; columns: TableReport['columns']; rows: string[][] }>;
}

