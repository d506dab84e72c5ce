// Fillable scorecards: filled in by the scorecard feature.
