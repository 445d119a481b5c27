// ---------------------------------------------------------------------------------------
// prequal SDK: screening's TypeScript declarations (feature `screen` of prequal-wasm).
//
// Hand-written from crates/prequal-wasm/src/screen.rs and crates/prequal/src/portfolio.rs.
// wasm-bindgen appends this file to prequal.d.ts only in a build with the `screen` feature
// (`scripts/build-wasm.sh --screen`, the module of the park staff page www/screen.html).
// ---------------------------------------------------------------------------------------

/** What the firms whose best verdict is eligible would borrow, and what it costs whom. */
export interface PortfolioEligible {
  firms: number;
  loan_amount: DecimalString;
  interest_subsidy: DecimalString;
  fee_subsidy: DecimalString;
  /** Subsidies by scheme id: what each budget must reserve. */
  subsidy_by_scheme: Record<string, DecimalString>;
  /** The default loss each party would bear, by role (`bank`, `guarantor`, ...). */
  risk_by_role: Record<string, DecimalString>;
}
/** `prequal screen --summary`'s document: exact sums of the per-firm best quotes. */
export interface PortfolioTotals {
  firms: number;
  /** Rows that could not be evaluated. */
  errors: number;
  by_verdict: { eligible: number; needs_info: number; ineligible: number };
  eligible: PortfolioEligible;
}
/** What a finished screening shows. */
export interface ScreenSummary {
  /** The pack's id. */
  policy: string;
  /** The pack's name. */
  policy_name: { "zh-CN": string; en: string };
  as_of: DateString;
  totals: PortfolioTotals;
  /** The pack's subsidy schemes (to name `subsidy_by_scheme`'s keys). */
  schemes: { id: string; name: { "zh-CN": string; en: string }; provider: { "zh-CN": string; en: string } }[];
  /** Eligible firms by net APR band, lowest first: `["0–1%", 12]`. */
  apr_bands: [string, number][];
}
/**
 * A tenant list being screened: the rows `prequal screen --format csv` writes for the same
 * file, pack and date, byte for byte, a slice at a time (run it in a Web Worker).
 *
 * ```js
 * const s = new Screener("default", bytes, undefined, "zh-CN");
 * const parts = [];
 * while (s.step(2000)) { parts.push(s.takeCsv()); postProgress(s.bytesRead / s.bytesTotal); }
 * parts.push(s.takeCsv());
 * const summary = s.summary();
 * ```
 */
export class Screener {
  free(): void;
  /**
   * @param policy a pack object, its JSON text, or `"default"`.
   * @param csv the tenant list's bytes (UTF-8; a leading BOM is fine) or its text.
   * @param asOf `YYYY-MM-DD`; default the pack's `market.as_of`.
   * @throws {PrequalError} for a bad pack or date, or a header line the screen does not
   *   understand (`input`: `"input"`, `path` e.g. `"line 1, column 3"`).
   */
  constructor(policy: Policy | string, csv: Uint8Array | string, asOf?: DateString | null, lang?: Lang);
  /** Screen up to `rows` more rows; `false` once the list is done. */
  step(rows: number): boolean;
  /** The CSV written since the last call (the header line first). */
  takeCsv(): string;
  /** Rows screened so far. */
  readonly rows: number;
  /** Bytes of the list read so far. */
  readonly bytesRead: number;
  /** Bytes of the list in all. */
  readonly bytesTotal: number;
  /** The totals so far; complete once `step` has returned `false`. */
  summary(): ScreenSummary;
}
