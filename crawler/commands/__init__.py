"""Project commands (``COMMANDS_MODULE``): ``seeds``, ``clean``, ``dedupe``, ``replica``."""
