"""Command-line subcommands of main.py (Qt-free ones); each module has add_parser() and run()."""
