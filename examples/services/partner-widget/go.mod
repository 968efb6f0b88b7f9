module github.com/acme-outfitters/partner-widget

go 1.24
