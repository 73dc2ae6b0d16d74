"""One module per ``courseforge`` subcommand: HELP, add_arguments(parser), run(args) -> int."""
