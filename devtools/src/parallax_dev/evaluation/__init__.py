"""Evaluations of the analysis components on the public datasets in ../shared/datasets."""
