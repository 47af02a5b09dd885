"""Persuasion techniques on news: BASIL spans, the loaded-language head, BABE as an outside test."""
