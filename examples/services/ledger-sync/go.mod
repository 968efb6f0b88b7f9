module github.com/acme-outfitters/ledger-sync

go 1.22
