"""Portrayal: training and evaluating the target-sentiment model and the roles."""
