"""python -m sz_quality: the same as the `szq` command."""

from sz_quality.cli import main

if __name__ == "__main__":
    main()
