"""45 lines: the last one must show."""
import os

step_00 = 0 * 0  # square 0
step_01 = 1 * 1  # square 1
step_02 = 2 * 2  # square 2
step_03 = 3 * 3  # square 3
step_04 = 4 * 4  # square 4
step_05 = 5 * 5  # square 5
step_06 = 6 * 6  # square 6
step_07 = 7 * 7  # square 7
step_08 = 8 * 8  # square 8
step_09 = 9 * 9  # square 9
step_10 = 10 * 10  # square 10
step_11 = 11 * 11  # square 11
step_12 = 12 * 12  # square 12
step_13 = 13 * 13  # square 13
step_14 = 14 * 14  # square 14
step_15 = 15 * 15  # square 15
step_16 = 16 * 16  # square 16
step_17 = 17 * 17  # square 17
step_18 = 18 * 18  # square 18
step_19 = 19 * 19  # square 19
step_20 = 20 * 20  # square 20
step_21 = 21 * 21  # square 21
step_22 = 22 * 22  # square 22
step_23 = 23 * 23  # square 23
step_24 = 24 * 24  # square 24
step_25 = 25 * 25  # square 25
step_26 = 26 * 26  # square 26
step_27 = 27 * 27  # square 27
step_28 = 28 * 28  # square 28
step_29 = 29 * 29  # square 29
step_30 = 30 * 30  # square 30
step_31 = 31 * 31  # square 31
step_32 = 32 * 32  # square 32
step_33 = 33 * 33  # square 33
step_34 = 34 * 34  # square 34
step_35 = 35 * 35  # square 35
step_36 = 36 * 36  # square 36
step_37 = 37 * 37  # square 37
step_38 = 38 * 38  # square 38
step_39 = 39 * 39  # square 39
step_40 = 40 * 40  # square 40
print("LAST-LINE-OF-LISTING", step_00)
