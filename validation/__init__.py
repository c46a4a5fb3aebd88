"""Validation as the flow runs it: records -> pandas frames -> pandera schemas -> loadable rows + quarantine.

`schemas/` only declares what a valid row is; this package applies those declarations to the
frames a batch produces and splits what passes from what is quarantined, with the reason.

- `frames`: a processed document's records as the frames the schemas check.
- `split.split_valid(model, frame)`: one schema over one frame, failures as quarantine rows.
- `facts.validate_facts(frame)`: the whole fact path, ExtractedFact -> LoadableFact -> conflicts.
"""
