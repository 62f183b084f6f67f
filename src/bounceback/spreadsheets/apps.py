from django.apps import AppConfig


class SpreadsheetsConfig(AppConfig):
    name = "bounceback.spreadsheets"
    label = "spreadsheets"
    verbose_name = "Spreadsheet import"
