"""Importers that bring existing question banks into courseforge quiz YAML."""
