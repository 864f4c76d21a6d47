"""Assisted annotation in the window: label all (preview dialog), the suggestion layer drawn dashed in the
reader, the suggestions panel, and the recommender trained on a worker thread.

``install_assist(main_window)`` (``controller``) is the one entry point.
"""
