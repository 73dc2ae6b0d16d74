"""Seed documents → cleaned documents → sections → paragraphs with stable ids."""
