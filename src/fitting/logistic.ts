/**
 * Logistic regression by iteratively reweighted least squares (Newton's method on the
 * log-likelihood), with an optional ridge penalty and step halving. Deterministic: the same
 * columns in the same order give the same coefficients, bit for bit.
 */

/** What {@link logisticRegression} returns. */
export interface LogisticFit {
  intercept: number;
  /** One per column, in column order. */
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Log-likelihood of the data at the solution (without the penalty). */
  logLikelihood: number;
}

export interface LogisticOptions {
  /**
   * Ridge penalty: maximises `logLikelihood / n − (ridge / 2) · Σ coefficient²` (the intercept is
   * not penalised). 0 is plain maximum likelihood.
   */
  ridge: number;
  maxIterations: number;
  /** A known term added to every row's log-odds (its coefficient fixed at 1). */
  offset?: Float64Array;
  /** Starting values `[intercept, ...coefficients]` (a previous fit's): fewer iterations. */
  start?: readonly number[];
}

/** Thrown when the normal equations are singular (collinear columns without a ridge). @internal */
export class SingularFitError extends Error {
  override readonly name = "SingularFitError";
}

/** log(1 + e^x) without overflow. */
function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Solves A x = b for a symmetric positive definite A (row-major m×m) by Cholesky. */
function choleskySolve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  let scale = 0;
  for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(a[i * m + i]!));
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= l[i * m + k]! * l[j * m + k]!;
      if (i === j) {
        if (!(s > 1e-12 * Math.max(scale, 1e-300))) throw new SingularFitError("singular normal equations");
        l[i * m + i] = Math.sqrt(s);
      } else l[i * m + j] = s / l[j * m + j]!;
    }
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * y[k]!;
    y[i] = s / l[i * m + i]!;
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * x[k]!;
    x[i] = s / l[i * m + i]!;
  }
  return x;
}

/**
 * Fits `P(y = 1) = 1 / (1 + e^−η)`, `η = intercept + Σ coefficient_j · column_j (+ offset)`.
 *
 * @param columns One array per predictor, each of length n.
 * @param y The outcomes, 1 or 0, length n (both values present, or the intercept diverges: the
 * caller checks).
 * @throws {SingularFitError} when the columns are collinear and `ridge` is 0.
 */
export function logisticRegression(
  columns: readonly Float64Array[],
  y: Uint8Array,
  options: LogisticOptions,
): LogisticFit {
  const n = y.length;
  const k = columns.length;
  const m = k + 1;
  const { ridge, maxIterations } = options;
  const offset = options.offset;
  const beta = new Float64Array(m);
  let ones = 0;
  for (let i = 0; i < n; i++) ones += y[i]!;
  beta[0] = Math.log(ones / (n - ones));
  if (offset) {
    let s = 0;
    for (let i = 0; i < n; i++) s += offset[i]!;
    beta[0] -= s / n;
  }
  if (options.start && options.start.length === m) beta.set(options.start);
  // Row-major design matrix with a leading column of ones: tight loops, one pass per iteration.
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) x[i * m] = 1;
  for (let j = 0; j < k; j++) {
    const c = columns[j]!;
    for (let i = 0; i < n; i++) x[i * m + j + 1] = c[i]!;
  }
  const eta = new Float64Array(n);
  const objective = (b: Float64Array): { ll: number; obj: number } => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let e = offset ? offset[i]! : 0;
      const row = i * m;
      for (let j = 0; j < m; j++) e += b[j]! * x[row + j]!;
      eta[i] = e;
      ll += y[i]! * e - log1pExp(e);
    }
    let pen = 0;
    for (let j = 1; j < m; j++) pen += b[j]! * b[j]!;
    return { ll, obj: ll / n - (ridge / 2) * pen };
  };

  let current = objective(beta);
  let iterations = 0;
  let converged = false;
  const grad = new Float64Array(m);
  const hess = new Float64Array(m * m);
  const next = new Float64Array(m);
  while (iterations < maxIterations) {
    iterations++;
    // eta holds the linear predictor of `beta` (objective() left it there).
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-eta[i]!));
      const w = p * (1 - p);
      const r = y[i]! - p;
      const row = i * m;
      for (let a = 0; a < m; a++) {
        const xa = x[row + a]!;
        grad[a] = grad[a]! + r * xa;
        const wa = w * xa;
        const ha = a * m;
        for (let c = 0; c <= a; c++) hess[ha + c] = hess[ha + c]! + wa * x[row + c]!;
      }
    }
    for (let a = 0; a < m; a++) {
      grad[a] = grad[a]! / n - (a > 0 ? ridge * beta[a]! : 0);
      for (let c = 0; c <= a; c++) {
        const h = hess[a * m + c]! / n + (a === c && a > 0 ? ridge : 0);
        hess[a * m + c] = h;
        hess[c * m + a] = h;
      }
    }
    const step = choleskySolve(hess, grad, m);
    let t = 1;
    let trial = current;
    for (let halving = 0; halving < 40; halving++) {
      for (let j = 0; j < m; j++) next[j] = beta[j]! + t * step[j]!;
      trial = objective(next);
      if (trial.obj >= current.obj - 1e-15 * Math.abs(current.obj)) break;
      t /= 2;
    }
    let moved = 0;
    for (let j = 0; j < m; j++) moved = Math.max(moved, Math.abs(next[j]! - beta[j]!));
    beta.set(next);
    current = trial;
    if (moved < 1e-10) {
      converged = true;
      break;
    }
  }
  return {
    intercept: beta[0]!,
    coefficients: Array.from(beta.subarray(1)),
    iterations,
    converged,
    logLikelihood: current.ll,
  };
}
