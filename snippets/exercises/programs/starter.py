"""Exercise (section 4): Amdahl's law by hand. A job is 10% serial."""
# region main
def amdahl(serial_share, cores):
    # TODO: the speed-up the law allows on this many cores
    return 1.0

for cores in (2, 4, 16, 1_000_000):
    print(f"{cores:>9} cores: {amdahl(0.1, cores):5.2f}x")
# endregion
