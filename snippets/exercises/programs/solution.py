"""Solution (section 4): the serial share caps the speed-up at 1 / s."""
from deckgen_trace import metric

# region main
def amdahl(serial_share, cores):
    return 1 / (serial_share + (1 - serial_share) / cores)

for cores in (2, 4, 16, 1_000_000):
    print(f"{cores:>9} cores: {amdahl(0.1, cores):5.2f}x")
# endregion
metric("at_16", amdahl(0.1, 16), "x")
metric("at_a_million", amdahl(0.1, 1_000_000), "x")
