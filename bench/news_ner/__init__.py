"""News NER evaluation set (issue 14): Reuters and CrunchBase sentences, ids and offsets only."""
