"""Builds the pair judge (``comparison/data/pair_judge.json``); not shipped with the service.

``python -m training.train_judge`` (or ``make judge``) generates labelled pairs from the
corpora, adds the gold *tune* parts, trains and writes the judge and its model card.
"""
