module github.com/acme-outfitters/webhook-relay

go 1.24
