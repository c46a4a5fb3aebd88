"""What every stage knows, loaded once per process: the data files of `data/` (indicator lexicon,
units, cue words, periods, regions) in, lookups, word finders and shared patterns out."""
