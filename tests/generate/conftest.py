import sys
from pathlib import Path

# lets tests import the shared stand-ins as ``gen_standins``
sys.path.insert(0, str(Path(__file__).parent))
