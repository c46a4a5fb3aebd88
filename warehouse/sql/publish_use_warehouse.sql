use gwr
