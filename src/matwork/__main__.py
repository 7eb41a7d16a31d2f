"""Run matwork as ``python -m matwork``."""

from matwork.cli import main

if __name__ == "__main__":
    main()
