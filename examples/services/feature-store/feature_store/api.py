"""Online lookup of customer features from the latest Parquet snapshot."""
import os

import pyarrow.dataset as ds
from fastapi import FastAPI, HTTPException
from fastapi.responses import ORJSONResponse

app = FastAPI(default_response_class=ORJSONResponse)
snapshot = ds.dataset(os.environ.get("FEATURE_SNAPSHOT", "/data/features"), format="parquet")


@app.get("/v1/customers/{customer_id}/features")
def features(customer_id: str):
    table = snapshot.to_table(filter=ds.field("customer_id") == customer_id)
    if table.num_rows == 0:
        raise HTTPException(status_code=404, detail="unknown customer")
    return table.slice(0, 1).to_pylist()[0]
