"""Quizzes: the model (``model``), safe YAML loading with positions, validation."""
