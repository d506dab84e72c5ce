// Self-assessment: filled in by the self-assessment feature.
