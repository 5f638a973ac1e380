"""Words: service messages in English and Chinese, vocabulary labels, stored texts, masking of buyer data."""
