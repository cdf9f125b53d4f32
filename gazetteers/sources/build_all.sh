#!/bin/sh
# Rebuild every gazetteer file and validate them. Needs python3, pip and the Debian word lists
# (apt-get install wfrench wamerican wbritish).
set -e
cd "$(dirname "$0")"
for s in build_given_names build_places build_demonyms build_organizations build_titles build_triggers; do
  python3 "$s.py"
done
python3 validate.py
