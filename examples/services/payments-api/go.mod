module github.com/acme-outfitters/payments-api

go 1.24
