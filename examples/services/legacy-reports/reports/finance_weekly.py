"""Weekly roll-up of the daily settlement exports."""
import glob

import openpyxl


def main():
    total = 0.0
    for path in sorted(glob.glob("/exports/settlements-*.xlsx"))[-7:]:
        sheet = openpyxl.load_workbook(path, read_only=True).active
        total += sum(row[1] or 0 for row in sheet.iter_rows(values_only=True))
    print(f"settled this week: {total:.2f}")


if __name__ == "__main__":
    main()
