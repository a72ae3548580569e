module lucid.example/rdp-services

go 1.24
