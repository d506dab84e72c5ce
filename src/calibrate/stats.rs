//! The statistics of a calibration, each a small pure function with its
//! worked values in the tests: means, an interval for a mean, and
//! Krippendorff's alpha, the agreement statistic for several raters with
//! missing ratings.

/// The arithmetic mean, `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The sample standard deviation (n − 1), `None` below two values.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let squares: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    Some((squares / (values.len() - 1) as f64).sqrt())
}

/// A mean with its approximate 95% interval (mean ± 1.96 standard errors),
/// `None` below two values. With few values the interval is wide, which is
/// the point: it shows how little one loop says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
    pub n: usize,
}

pub fn estimate(values: &[f64]) -> Option<Estimate> {
    let mean = mean(values)?;
    let sd = sample_sd(values)?;
    let half = 1.96 * sd / (values.len() as f64).sqrt();
    Some(Estimate {
        mean,
        low: mean - half,
        high: mean + half,
        n: values.len(),
    })
}

/// How far apart two values are for [`alpha`]: Krippendorff's difference
/// functions δ² (2011, section E).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Same or different.
    Nominal,
    /// Ranks: the distance counts how many ratings fall between two values,
    /// so steps that are rarely used count less.
    Ordinal,
    /// Numbers: the squared difference.
    Interval,
}

/// Krippendorff's alpha for `units` (each the values several raters gave one
/// unit, here one candidate's ratings of one dimension) on the values
/// `0..categories` (scale positions). Units with fewer than two values are
/// not pairable and are left out. `None` when nothing is pairable or when
/// every pairable value is the same (no variation: agreement is undefined).
///
/// α = 1 − D_o / D_e, from the coincidence matrix o_ck = Σ_u (pairs c–k in
/// unit u) / (m_u − 1): D_o = Σ o_ck δ²_ck / n, D_e = Σ n_c n_k δ²_ck / (n (n − 1)).
pub fn alpha(units: &[Vec<usize>], categories: usize, metric: Metric) -> Option<f64> {
    let mut o = vec![vec![0.0_f64; categories]; categories];
    for unit in units.iter().filter(|u| u.len() >= 2) {
        let m = unit.len() as f64;
        for (i, &c) in unit.iter().enumerate() {
            for (j, &k) in unit.iter().enumerate() {
                if i != j {
                    o[c][k] += 1.0 / (m - 1.0);
                }
            }
        }
    }
    let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    if n < 2.0 {
        return None;
    }
    let delta = |c: usize, k: usize| -> f64 {
        match metric {
            Metric::Nominal => f64::from(u8::from(c != k)),
            Metric::Interval => (c as f64 - k as f64).powi(2),
            Metric::Ordinal => {
                let (lo, hi) = (c.min(k), c.max(k));
                let between: f64 = n_c[lo..=hi].iter().sum();
                (between - (n_c[c] + n_c[k]) / 2.0).powi(2)
            }
        }
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..categories {
        for k in 0..categories {
            let d = delta(c, k);
            observed += o[c][k] * d;
            expected += n_c[c] * n_c[k] * d;
        }
    }
    if expected <= 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn means_and_spreads_worked_by_hand() {
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[1.0, 2.0, 6.0]), Some(3.0));
        // Deviations −2, −1, 3: squares 4 + 1 + 9 = 14, over n − 1 = 2 → 7.
        assert!(close(
            sample_sd(&[1.0, 2.0, 6.0]).unwrap(),
            7.0_f64.sqrt(),
            1e-12
        ));
        assert_eq!(sample_sd(&[4.0]), None);
    }

    #[test]
    fn the_interval_is_the_mean_plus_or_minus_two_standard_errors() {
        // 1, 1, 1, 1 and 3, 3, 3, 3: mean 2, sd = sqrt(8 × 1 / 7), n = 8.
        let values = [1.0, 1.0, 1.0, 1.0, 3.0, 3.0, 3.0, 3.0];
        let e = estimate(&values).unwrap();
        let half = 1.96 * (8.0_f64 / 7.0).sqrt() / 8.0_f64.sqrt();
        assert_eq!(e.mean, 2.0);
        assert!(close(e.low, 2.0 - half, 1e-12) && close(e.high, 2.0 + half, 1e-12));
        assert!(close(half, 0.7408, 1e-4), "{half}");
        assert_eq!(e.n, 8);
        assert_eq!(estimate(&[1.0]), None);
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    /// section C: 4 observers, 12 units, values 1–5 with missing data (here
    /// 0–4). The paper gives α = 0.743 (nominal) and 0.849 (interval); the
    /// ordinal value, 0.815, is the one the `krippendorff` Python package's
    /// tests pin for the same data.
    fn krippendorff_example_c() -> Vec<Vec<usize>> {
        let observers: [[Option<usize>; 12]; 4] = {
            let row = |v: [i32; 12]| v.map(|x| (x > 0).then(|| x as usize - 1));
            [
                row([1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0]),
                row([1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3]),
                row([0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0]),
                row([1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0]),
            ]
        };
        (0..12)
            .map(|u| observers.iter().filter_map(|o| o[u]).collect())
            .collect()
    }

    #[test]
    fn alpha_matches_krippendorffs_published_example() {
        let units = krippendorff_example_c();
        let nominal = alpha(&units, 5, Metric::Nominal).unwrap();
        let ordinal = alpha(&units, 5, Metric::Ordinal).unwrap();
        let interval = alpha(&units, 5, Metric::Interval).unwrap();
        assert!(close(nominal, 0.743, 0.0005), "{nominal}");
        assert!(close(ordinal, 0.815, 0.0005), "{ordinal}");
        assert!(close(interval, 0.849, 0.0005), "{interval}");
    }

    #[test]
    fn alpha_worked_by_hand_on_two_raters() {
        // Units (0,0), (1,1), (0,1): o_00 = 2, o_11 = 2, o_01 = o_10 = 1;
        // n_0 = n_1 = 3, n = 6. Nominal: D_o ∝ 2, D_e ∝ 2 · 3 · 3 = 18,
        // α = 1 − 5 · 2 / 18 = 4/9.
        let units = vec![vec![0, 0], vec![1, 1], vec![0, 1]];
        assert!(close(
            alpha(&units, 2, Metric::Nominal).unwrap(),
            4.0 / 9.0,
            1e-12
        ));
        // Ordinal, two categories: δ²_01 = (n_0 + n_1 − (n_0 + n_1) / 2)² =
        // (6 − 3)² = 9 for every unequal pair, a constant factor: α is 4/9 again.
        assert!(close(
            alpha(&units, 2, Metric::Ordinal).unwrap(),
            4.0 / 9.0,
            1e-12
        ));
        // Perfect agreement is 1; a lone value is not pairable.
        assert_eq!(
            alpha(&[vec![0, 0], vec![1, 1, 1], vec![1]], 2, Metric::Ordinal),
            Some(1.0)
        );
        // No variation at all: undefined, not 1.
        assert_eq!(alpha(&[vec![2, 2], vec![2, 2]], 4, Metric::Ordinal), None);
        assert_eq!(alpha(&[vec![2]], 4, Metric::Ordinal), None);
    }
}
