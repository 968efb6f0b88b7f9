"""Renders an invoice document to PDF on request."""
from datetime import datetime

from fastapi import FastAPI
from fastapi.responses import Response
from jinja2 import Environment, PackageLoader
from weasyprint import HTML

app = FastAPI()
templates = Environment(loader=PackageLoader("invoices"), autoescape=True)


@app.post("/v1/invoices/{number}.pdf")
def render(number: str, invoice: dict) -> Response:
    html = templates.get_template("invoice.html").render(
        number=number, issued=datetime.now().astimezone(), **invoice
    )
    return Response(HTML(string=html).write_pdf(), media_type="application/pdf")
