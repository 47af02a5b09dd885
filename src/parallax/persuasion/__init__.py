"""Persuasion techniques: rule detectors with spans and a trained head per technique."""
