"""Readers of the public datasets that training and evaluation share."""
