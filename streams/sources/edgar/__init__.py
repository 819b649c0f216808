"""The ``edgar`` kind: SEC EDGAR current filings (Atom) by form type, as M&A evidence."""
