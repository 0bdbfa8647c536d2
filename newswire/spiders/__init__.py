"""One spider per wire; file name = spider ``name`` = wire id."""
