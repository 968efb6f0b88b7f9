"""Exports yesterday's settled payments to the finance share as an Excel file."""
import datetime
import os

import requests
import xlsxwriter

LEDGER_URL = os.environ.get("LEDGER_URL", "http://ledger-sync:8080")


def main():
    day = datetime.date.today() - datetime.timedelta(days=1)
    rows = requests.get(f"{LEDGER_URL}/v1/settlements", params={"day": day.isoformat()}, timeout=30).json()
    workbook = xlsxwriter.Workbook(f"/exports/settlements-{day.isoformat()}.xlsx")
    sheet = workbook.add_worksheet("Settlements")
    for row_number, row in enumerate(rows):
        sheet.write_row(row_number, 0, [row["orderId"], row["amountCents"] / 100, row["currency"]])
    workbook.close()


if __name__ == "__main__":
    main()
